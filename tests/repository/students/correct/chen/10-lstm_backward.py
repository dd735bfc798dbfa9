#!/usr/bin/env python3
"""
Backpropagation through time for an LSTM.

Defines lstm_backward, the gradient of the cross-entropy loss.
"""
import numpy as np


def sigmoid(x):
    """
    Logistic sigmoid.

    Args:
        x: any array
    Returns:
        sigmoid of x, same shape
    """
    return np.exp(x) / (1 + np.exp(x))


def lstm_gates(lstm_cell, h_prev, x_t):
    """
    Recompute the gates of one step of the LSTM, as its forward does.

    Each weight is split into the rows acting on the state and the rows
    acting on the input.

    Args:
        lstm_cell: the LSTMCell
        h_prev: hidden state before the step, shape (m, h)
        x_t: input of the step, shape (m, i)
    Returns:
        f, u, c_hat, o, each of shape (m, h)
    """
    hs = h_prev.shape[1]
    c = lstm_cell
    f = sigmoid(np.matmul(h_prev, c.Wf[:hs]) + np.matmul(x_t, c.Wf[hs:])
                + c.bf)
    u = sigmoid(np.matmul(h_prev, c.Wu[:hs]) + np.matmul(x_t, c.Wu[hs:])
                + c.bu)
    c_hat = np.tanh(np.matmul(h_prev, c.Wc[:hs]) + np.matmul(x_t, c.Wc[hs:])
                    + c.bc)
    o = sigmoid(np.matmul(h_prev, c.Wo[:hs]) + np.matmul(x_t, c.Wo[hs:])
                + c.bo)
    return f, u, c_hat, o


def lstm_backward(lstm_cell, X, H, C, Y, Y_true):
    """
    Gradients of the loss L = -(1 / m) sum(Y_true * log(Y)).

    Args:
        lstm_cell: the LSTMCell used in the forward pass
        X: input data, shape (t, m, i)
        H: hidden states, shape (t + 1, m, h), H[0] the initial one
        C: cell states, shape (t + 1, m, h), C[0] the initial one
        Y: outputs, shape (t, m, o)
        Y_true: target weights, shape (t, m, o)
    Returns:
        dict with dWf, dWu, dWc, dWo (h + i, h), dWy (h, o),
        dbf, dbu, dbc, dbo (1, h), dby (1, o), dX (t, m, i),
        dh_0 and dc_0 (m, h)
    """
    steps, batch, input_size = X.shape
    hs = H.shape[2]
    cell = lstm_cell
    names = ('f', 'u', 'c', 'o')
    weights = {g: getattr(cell, 'W' + g) for g in names}

    grads = {}
    for g in names:
        grads['dW' + g] = np.zeros((hs + input_size, hs))
        grads['db' + g] = np.zeros((1, hs))
    grads['dWy'] = np.zeros(cell.Wy.shape)
    grads['dby'] = np.zeros((1, cell.Wy.shape[1]))
    grads['dX'] = np.zeros((steps, batch, input_size))

    dh_carry = np.zeros((batch, hs))
    dc_carry = np.zeros((batch, hs))
    for s in reversed(range(steps)):
        f, u, c_hat, o = lstm_gates(cell, H[s], X[s])
        tanh_c = np.tanh(C[s + 1])

        n = np.sum(Y_true[s], axis=-1, keepdims=True)
        dZ = (n * Y[s] - Y_true[s]) / batch
        grads['dWy'] += np.matmul(H[s + 1].T, dZ)
        grads['dby'] += np.sum(dZ, axis=0, keepdims=True)

        dh = np.matmul(dZ, cell.Wy.T) + dh_carry
        dc = dc_carry + dh * o * (1 - tanh_c ** 2)
        dP = {
            'f': dc * C[s] * f * (1 - f),
            'u': dc * c_hat * u * (1 - u),
            'c': dc * u * (1 - c_hat ** 2),
            'o': dh * tanh_c * o * (1 - o),
        }

        dh_carry = np.zeros((batch, hs))
        for g in names:
            grads['dW' + g][:hs] += np.matmul(H[s].T, dP[g])
            grads['dW' + g][hs:] += np.matmul(X[s].T, dP[g])
            grads['db' + g] += np.sum(dP[g], axis=0, keepdims=True)
            grads['dX'][s] += np.matmul(dP[g], weights[g][hs:].T)
            dh_carry += np.matmul(dP[g], weights[g][:hs].T)
        dc_carry = dc * f

    grads['dh_0'] = dh_carry
    grads['dc_0'] = dc_carry
    return grads
